"""English texts of the accessibility statement (same keys as nl_toegankelijkheid.py)."""

MESSAGES: dict[str, str] = {
    "a11y.title": "Accessibility",
    "a11y.menu_head": "About this app",
    "a11y.menu_desc": "What we test, and what does not work well yet.",
    "a11y.b1": "Everyone must be able to use this app. Here you read how we check that.",
    "a11y.aim": ("We follow the rules for accessible websites: WCAG 2.1 and 2.2, level AA. "
                 "These rules apply to the government and to care and welfare."),
    "a11y.tests_title": "What we test",
    "a11y.tests_lead": "These tests run for every new version of the app. Last check: {datum}.",
    "a11y.test.axe.name": "A check of every screen",
    "a11y.test.axe.what": ("The program axe-core checks every screen, every window and every mode. "
                           "It looks at the rules of WCAG 2.1 and 2.2, level AA. "
                           "We do this upright and sideways."),
    "a11y.test.touch.name": "Buttons big enough",
    "a11y.test.touch.what": "Every button is at least 44 by 44 pixels. So you can hit it well with your finger.",
    "a11y.test.keyboard.name": "Everything with the keyboard",
    "a11y.test.keyboard.what": ("You can use the whole app without a mouse or finger. "
                                "After closing a window you go back to where you were."),
    "a11y.test.zoom.name": "Large letters",
    "a11y.test.zoom.what": "Do you make the letters twice as big? Then everything still works and nothing is lost.",
    "a11y.test.reflow.name": "Narrow screen",
    "a11y.test.reflow.what": "On a screen 320 pixels wide you do not have to scroll sideways.",
    "a11y.status.pass": "Result: no problems found.",
    "a11y.status.open": "Result: there are still problems. We are working on them.",
    "a11y.limits_title": "What we do not know or cannot do yet",
    "a11y.limit.screenreader": "We have not yet tested the app with real screen readers, like VoiceOver, TalkBack or NVDA.",
    "a11y.limit.ipad": "We test in the Chromium browser. We have not yet tested on an iPad with Safari.",
    "a11y.limit.automatic": "A test with a program does not find every problem. People must try the app too.",
    "a11y.limit.maps": "The maps are drawings. You can also see the relationship map and the life line as a list. The other maps not yet.",
    "a11y.limit.big_map": ("With many people (often from 30 on) the relationship map does not fit beside the buttons. "
                           "The app then says so next to the map. Slide over the map, or choose Full screen. "
                           "Up to 40 people, the map fits there."),
    "a11y.limit.boot": "While the app loads, the text is only in Dutch.",
    "a11y.limit.own_text": "The app does not translate what you write yourselves.",
    "a11y.limit.speech": ("Read aloud uses a voice that is on your device. Some browsers also have voices on the "
                          "internet. Those send the text to the maker of the browser. So the app only chooses a voice "
                          "on the device itself. Is there no voice? Then the app tells you."),
    "a11y.contact_title": "Does something not work well?",
    "a11y.contact": "Tell your facilitator. They pass it on to the makers of the app.",
}
