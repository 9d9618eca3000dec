package dev.keyward.vault.projects;

/** A project: a named set of environment variables backed by secrets. */
public record ProjectInfo(String id, String name, String description, String createdAt, int linkCount) {
}
