package dev.waiver.app.cli;

/// Exit codes of the command line (design.md section 4).
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED_CHECK = 1;
    public static final int BAD_INPUT = 2;
    public static final int ALTERED = 3;
    public static final int REFUSED = 4;

    private ExitCodes() {
    }
}
