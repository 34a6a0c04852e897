package chibo.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * For a handler whose answer names people beyond the one in its path (a roster, a due list, a meeting's
 * attendance): the ids it named, so that the access log can say whose data was read.
 */
public final class PersonsRead {

    static final String ATTRIBUTE = PersonsRead.class.getName();

    private PersonsRead() {
    }

    /** Adds people named by the answer of the current request, in the order it names them. */
    public static void named(Collection<String> personIds) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            of(attributes.getRequest()).addAll(personIds);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> of(HttpServletRequest request) {
        Object persons = request.getAttribute(ATTRIBUTE);
        if (persons == null) {
            persons = new ArrayList<String>();
            request.setAttribute(ATTRIBUTE, persons);
        }
        return (List<String>) persons;
    }
}
