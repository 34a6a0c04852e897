package chibo.platform.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's check of header names and values, as Spring Security's {@link StrictHttpFirewall} makes it by default
 * (every character assigned in Unicode and no control character; a value may hold tabs) but with a loop over the code
 * points instead of a regular expression: run over every header of every request, the long {@code Authorization} value
 * among them, the expression was some 2 % of a command's request-thread CPU in a flight recording.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** The firewall the services run: Spring Security's strict one, with these checks of headers. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabs) {
        for (int at = 0; at < text.length(); ) {
            int codePoint = text.codePointAt(at);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabs && codePoint == '\t')) {
                return false;
            }
            at += Character.charCount(codePoint);
        }
        return true;
    }
}
