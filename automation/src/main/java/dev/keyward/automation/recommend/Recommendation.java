package dev.keyward.automation.recommend;

/**
 * One {@code service_recommendations} row, with the provider's slug and the project's name joined in.
 *
 * @param providerSlug the recommended provider's slug (null only if the provider row and catalog entry are gone)
 * @param projectName  the project it was made for, or null for a folder scanned on its own
 * @param userStatus   {@code new}, {@code accepted} or {@code rejected}
 */
public record Recommendation(
        String id,
        String projectId,
        String projectName,
        String requirementText,
        String capabilityNeeded,
        String recommendedProviderId,
        String providerSlug,
        String recommendedServiceName,
        String rationale,
        String pricingSummary,
        Boolean freeTierAvailable,
        String documentationUrl,
        double matchScore,
        String userStatus,
        String createdAt) {

    /** The first eight characters of the id, enough to name it on the command line. */
    public String shortId() {
        return id.substring(0, Math.min(8, id.length()));
    }
}
