package dev.keyward.vault.projects;

/** One environment variable of a project and the secret that supplies it. */
public record ProjectLink(String envVar, String secretName, String secretId) {
}
