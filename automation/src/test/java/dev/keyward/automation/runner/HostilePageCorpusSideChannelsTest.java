package dev.keyward.automation.runner;

import dev.keyward.automation.browser.RequiresChromium;
import java.util.Set;

/**
 * The corpus's requests a page sends other than by the acted-on control's own form (group {@code s}: frames, popups,
 * workers, subresources, prefetches, speculation rules, requests as a page is left; {@code n}: fetch, beacons,
 * WebSockets and workers behind a "Continue", redirects to another host) and its redirect chains ({@code r}).
 */
@RequiresChromium
class HostilePageCorpusSideChannelsTest extends HostilePageCorpus {

    static final Set<Character> GROUPS = Set.of('s', 'r', 'n');

    HostilePageCorpusSideChannelsTest() {
        super(GROUPS);
    }
}
