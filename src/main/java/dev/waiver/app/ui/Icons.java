package dev.waiver.app.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/// Every icon the app shows, in one place: screens name a meaning (`RELOAD`), not a glyph, so the icon
/// set can change without touching them and the same meaning always looks the same.
public enum Icons {
    APP(MaterialDesignS.SHIELD_KEY_OUTLINE),
    EXCEPTIONS(MaterialDesignS.SHIELD_CHECK_OUTLINE),
    COMPLIANCE(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE),
    REVIEWS(MaterialDesignA.ACCOUNT_CHECK_OUTLINE),
    AUDIT(MaterialDesignH.HISTORY),
    CLUSTERS(MaterialDesignS.SERVER_NETWORK),
    OPEN_FOLDER(MaterialDesignF.FOLDER_OPEN_OUTLINE),
    RELOAD(MaterialDesignR.REFRESH),
    DEMO(MaterialDesignF.FLASK_OUTLINE),
    SEARCH(MaterialDesignM.MAGNIFY),
    CLEAR_FILTERS(MaterialDesignF.FILTER_OFF_OUTLINE),
    LOAD_PROBLEM(MaterialDesignF.FILE_ALERT_OUTLINE),
    YAML(MaterialDesignC.CODE_BRACES),
    DOCUMENT(MaterialDesignF.FILE_DOCUMENT_OUTLINE),
    VERIFY(MaterialDesignS.SHIELD_LOCK_OUTLINE),
    EXPORT(MaterialDesignF.FILE_EXPORT_OUTLINE),

    STATUS_ACTIVE(MaterialDesignS.SHIELD_CHECK),
    STATUS_IN_REVIEW(MaterialDesignC.CLOCK_OUTLINE),
    STATUS_INACTIVE(MaterialDesignP.PAUSE_CIRCLE_OUTLINE),
    STATUS_EXPIRED(MaterialDesignT.TIMER_OFF_OUTLINE),
    STATUS_REVOKED(MaterialDesignC.CANCEL),
    STATUS_REJECTED(MaterialDesignC.CLOSE_CIRCLE_OUTLINE),

    SEVERITY_HIGH(MaterialDesignA.ALERT_CIRCLE),
    SEVERITY_MEDIUM(MaterialDesignA.ALERT),
    SEVERITY_LOW(MaterialDesignI.INFORMATION_OUTLINE),

    RUN(MaterialDesignP.PLAY),
    CANCEL(MaterialDesignS.STOP_CIRCLE_OUTLINE),
    REQUEST(MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE),
    COVERAGE(MaterialDesignS.SHIELD_SEARCH),
    RESULT_PASS(MaterialDesignC.CHECK_CIRCLE),
    RESULT_FAIL(MaterialDesignC.CLOSE_CIRCLE),
    RESULT_WARN(MaterialDesignA.ALERT),
    RESULT_ERROR(MaterialDesignA.ALERT_OCTAGON),
    RESULT_SKIP(MaterialDesignS.SKIP_NEXT_CIRCLE_OUTLINE),
    HIDDEN_FAILURE(MaterialDesignE.EYE_OFF_OUTLINE);

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }

    /// A new icon node (a node has one parent, so every use needs its own) with the `icon` style class
    /// the stylesheet sizes and colours.
    public FontIcon node() {
        var icon = FontIcon.of(ikon);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
