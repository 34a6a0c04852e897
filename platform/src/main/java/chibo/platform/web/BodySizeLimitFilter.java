package chibo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body larger than the limit for its path with 413, as a problem, before anything is parsed or stored:
 * at once when {@code Content-Length} says so, or as soon as a chunked body goes past it.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final WebProperties properties;

    public BodySizeLimitFilter(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            ProblemWriter.write(response, tooLarge(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Body too large",
                "the body is larger than the " + limit + " bytes accepted here");
    }

    /** A chunked body, counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw tooLarge(limit);
                    }
                    return b;
                }

                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw tooLarge(limit);
                    }
                    return n;
                }

                public boolean isFinished() {
                    return in.isFinished();
                }

                public boolean isReady() {
                    return in.isReady();
                }

                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
