package dev.keyward.reflib;

/** The integrity verdict for one installed source. */
public enum VerifyStatus {
    /** Every recorded file is present with the recorded content, and nothing was added. */
    OK,
    /** The source folder or some recorded files are gone. */
    MISSING,
    /** Files differ from what was installed, or files were added. */
    CHANGED
}
