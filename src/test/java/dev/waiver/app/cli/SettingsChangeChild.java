package dev.waiver.app.cli;

import java.io.PrintWriter;

/// One of the two processes of [SettingsCommandTest]'s cross-process case: sets `review.max-days` a dozen
/// times in the data folder it is given, as `settings set` would from a terminal, and exits non-zero if a
/// change failed.
public final class SettingsChangeChild {

    private SettingsChangeChild() {
    }

    public static void main(String[] args) {
        String home = args[0];
        String who = args[1];
        int first = Integer.parseInt(args[2]);
        var out = new PrintWriter(System.out, true);
        var err = new PrintWriter(System.err, true);
        for (int days = first; days < first + 12; days++) {
            int code = Cli.run(new String[] {"--home", home, "settings", "set", "review.max-days", Integer.toString(days),
                    "--as", who}, out, err);
            if (code != 0) {
                System.exit(code);
            }
        }
    }
}
