package dev.keyward.app.ui.automation;

import dev.keyward.automation.scripts.ApprovalStatus;
import dev.keyward.automation.scripts.AutomationScript;

/** Which programs the list shows. */
enum ProgramFilter {
    ALL("All programs"),
    PENDING("Pending approval"),
    APPROVED("Approved");

    private final String label;

    ProgramFilter(String label) {
        this.label = label;
    }

    boolean admits(AutomationScript script) {
        return switch (this) {
            case ALL -> true;
            case PENDING -> script.approvalStatus() == ApprovalStatus.PENDING;
            case APPROVED -> script.approvalStatus() == ApprovalStatus.APPROVED;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
