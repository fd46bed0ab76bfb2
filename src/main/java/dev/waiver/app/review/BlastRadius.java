package dev.waiver.app.review;

import dev.waiver.engine.exemption.Exemption;
import java.util.List;

/// What honouring an exception would change now: the failed checks it would turn into Skips. A reviewer
/// reads this before approving, since the scope written in a request rarely says how much it hides.
@FunctionalInterface
public interface BlastRadius {

    /// Knows no resources, so it hides nothing it could name.
    BlastRadius NONE = exemption -> List.of();

    /// One line per failed check that would become a Skip, e.g.
    /// `Pod payments/vendor-api: require-image-signature / check-image-signature`; empty when none would.
    /// May evaluate every resource of the workspace: call it off the FX thread.
    List<String> wouldSkip(Exemption exemption);
}
