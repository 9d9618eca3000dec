package dev.keyward.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyward.app.error.DesktopAction;
import dev.keyward.reflib.ReferenceStoreException;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.VaultErrorKind;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What the desktop shows for errors: the core's sentence and a desktop action, never a command. */
class UserMessagesTest {

    @Test
    void aReferenceLibraryErrorIsShownAsItsSentenceNotAsSomethingWentWrong() {
        String shown = UserMessages.describe(new ExecutionException(
                new ReferenceStoreException("The reference library database cannot be read.", null)));
        assertEquals("The reference library database cannot be read.", shown);
    }

    @Test
    void aChoiceOfProfilesIsOfferedAsTheProfileListNotAsACommandLineOption() {
        var message = UserMessages.explain(new InvalidInputException(VaultErrorKind.PROFILE_NOT_CHOSEN,
                ErrorFacts.of(Fact.COUNT, 2)));
        assertEquals("There are 2 profiles and none was chosen. Choose one from the profile list on the unlock screen.",
                message.text());
        assertEquals(DesktopAction.CHOOSE_PROFILE, message.action());
        assertFalse(message.text().contains("--profile"));
    }

    @Test
    void aSecretThatExistsPointsToRotateOnTheSecretsPage() {
        String shown = UserMessages.describe(new InvalidInputException(VaultErrorKind.SECRET_EXISTS,
                ErrorFacts.of(Fact.SECRET, "openai")));
        assertEquals("A secret named 'openai' already exists. To give it a new value, select it on the Secrets page "
                + "and choose Rotate….", shown);
    }
}
