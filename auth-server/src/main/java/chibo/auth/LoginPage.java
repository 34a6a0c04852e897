package chibo.auth;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The form people log in with, in Vietnamese and English: the users of chibo's web applications read Vietnamese
 * first. Spring Security checks what the form posts.
 */
@RestController
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String form(CsrfToken csrf, @RequestParam(required = false) String error,
                @RequestParam(required = false) String logout) {
        String notice = error != null ? "<p role=\"alert\" class=\"error\">Sai tên đăng nhập hoặc mật khẩu"
                + " · Wrong username or password</p>"
                : logout != null ? "<p role=\"status\">Đã đăng xuất · Logged out</p>" : "";
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Đăng nhập · chibo</title>
                <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}
                label{display:block;margin-top:1rem}input{width:100%%;padding:.5rem;font-size:1rem}
                button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#b71c1c;color:#fff;border:0}
                .error{color:#b71c1c}</style></head>
                <body><main>
                <h1>Đăng nhập <small lang="en">· Log in</small></h1>
                %s
                <form method="post" action="/login">
                <label for="username">Tên đăng nhập <span lang="en">· Username</span></label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Mật khẩu <span lang="en">· Password</span></label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit" id="log-in">Đăng nhập · Log in</button>
                </form></main></body></html>
                """.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
