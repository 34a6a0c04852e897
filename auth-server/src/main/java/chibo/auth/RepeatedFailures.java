package chibo.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing at the token endpoint and the login form: after {@link #FREE} wrong secrets in a row for one
 * client id (or wrong passwords for one user name), each further attempt for it waits out a pause that doubles with
 * every failure (1 s, 2 s, 4 s … at most {@link #LONGEST}), answered {@code 429} with {@code Retry-After} meanwhile. A
 * right secret or password ends the pauses. The pause is short so that someone who knows a client's id or a user's
 * name cannot lock them out for long.
 */
final class RepeatedFailures extends OncePerRequestFilter {

    static final int FREE = 5;
    static final Duration LONGEST = Duration.ofSeconds(60);
    private static final int KEPT = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    RepeatedFailures(Clock clock) {
        this.clock = clock;
    }

    /** Wrong secrets in a row for a client, and until when it must wait. */
    private record Failures(int count, Instant pausedUntil) {
    }

    static final String TOKEN = "/oauth2/token";
    static final String LOGIN = "/login";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(TOKEN.equals(request.getRequestURI()) || LOGIN.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean login = LOGIN.equals(request.getRequestURI());
        String client = login ? userName(request) : clientId(request);
        if (client == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Failures known = failures.get(client);
        if (known != null && known.pausedUntil() != null && now.isBefore(known.pausedUntil())) {
            long seconds = Math.max(1, Duration.between(now, known.pausedUntil()).toSeconds() + 1);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setCharacterEncoding("UTF-8");
            if (login) {
                response.setContentType("text/plain");
                response.getWriter().write("Sai mật khẩu quá nhiều lần: thử lại sau " + seconds + " giây.\n"
                        + "Too many wrong passwords: try again in " + seconds + " s.\n");
            } else {
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"slow_down\",\"error_description\":\"too many wrong secrets"
                        + " for this client; retry in " + seconds + " s\"}");
            }
            return;
        }
        chain.doFilter(request, response);
        if (login ? refusedLogin(response) : response.getStatus() == 401) {
            if (failures.size() >= KEPT) {
                failures.clear();
            }
            failures.compute(client, (id, before) -> {
                int count = before == null ? 1 : before.count() + 1;
                return new Failures(count, count < FREE ? null : clock.instant().plus(pause(count)));
            });
        } else if (response.getStatus() < 400) {
            failures.remove(client);
        }
    }

    /** The pause after the {@code count}th wrong secret in a row. */
    static Duration pause(int count) {
        int doublings = Math.min(count - FREE, 20);
        Duration pause = Duration.ofSeconds(1L << doublings);
        return pause.compareTo(LONGEST) > 0 ? LONGEST : pause;
    }

    /** A login form refused: sent back to the form with {@code ?error}. */
    private static boolean refusedLogin(HttpServletResponse response) {
        String location = response.getHeader("Location");
        return response.getStatus() == 401 || (location != null && location.contains("?error"));
    }

    private static String userName(HttpServletRequest request) {
        String name = request.getParameter("username");
        return name == null || name.isBlank() ? null : "user:" + name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The client id of a token request: HTTP Basic, else the {@code client_id} form field. */
    private static String clientId(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : "client:" + java.net.URLDecoder.decode(decoded.substring(0, colon),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        String id = request.getParameter("client_id");
        return id == null ? null : "client:" + id;
    }
}
