package dev.keyward.automation.runner;

import dev.keyward.automation.browser.RequiresChromium;
import java.util.Set;

/**
 * The corpus's controls and what their own forms send (groups {@code d}, {@code g}: forms, buttons and keys whose
 * labels say nothing of their effect; {@code q}: a write a timer sends after the last step), card numbers
 * ({@code c}), pages that hang or flood the browser ({@code h}) and the benign controls ({@code b}).
 */
@RequiresChromium
class HostilePageCorpusControlsTest extends HostilePageCorpus {

    static final Set<Character> GROUPS = Set.of('b', 'c', 'd', 'g', 'h', 'q');

    HostilePageCorpusControlsTest() {
        super(GROUPS);
    }
}
