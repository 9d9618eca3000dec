package dev.keyward.automation.net;

/** The HTTP validators a host sent for a document (ETag and Last-Modified); either may be null. */
public record Validators(String etag, String lastModified) {

    /** True when there is at least one validator worth sending back. */
    public boolean isPresent() {
        return (etag != null && !etag.isBlank()) || (lastModified != null && !lastModified.isBlank());
    }
}
