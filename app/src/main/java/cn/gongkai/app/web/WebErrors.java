package cn.gongkai.app.web;

import cn.gongkai.app.agency.AgencyListException;
import cn.gongkai.app.cli.BadInputException;
import cn.gongkai.engine.rule.PackException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;

/**
 * Every refusal as RFC 9457 problem details on {@code /api/**} (title, detail, and {@code zh}/{@code en}
 * messages, {@code errors} for lists) and as a Chinese error page elsewhere. Unexpected failures are logged and
 * answered with a short message, never a stack trace.
 */
@ControllerAdvice
@ConditionalOnWebApplication
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler(WebProblem.class)
    Object problem(WebProblem p, HttpServletRequest request) {
        return answer(request, p);
    }

    @ExceptionHandler({AgencyListException.class})
    Object agencyList(AgencyListException e, HttpServletRequest request) {
        return answer(request, new WebProblem(HttpStatus.BAD_REQUEST, "单位名单无法使用", "agency list cannot be used",
                e.problems()));
    }

    @ExceptionHandler({PackException.class, BadInputException.class})
    Object badInput(RuntimeException e, HttpServletRequest request) {
        return answer(request, new WebProblem(HttpStatus.BAD_REQUEST, "输入无法使用", "input cannot be used",
                List.of(e.getMessage())));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, new WebProblem(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大",
                "the uploaded file is too large"));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    Object unreadable(Exception e, HttpServletRequest request) {
        String what = e instanceof HttpMessageNotReadableException ? "请求内容不是有效的 JSON，或字段格式不对（日期为 YYYY-MM-DD）"
                : "请求参数缺失或格式不对";
        String english = e instanceof HttpMessageNotReadableException
                ? "the request body is not valid JSON or a field has the wrong format (dates are YYYY-MM-DD)"
                : "a request parameter is missing or malformed";
        return answer(request, new WebProblem(HttpStatus.BAD_REQUEST, what, english, List.of(shortMessage(e))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(request, new WebProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型：" + e.getContentType(),
                "unsupported content type: " + e.getContentType()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(request, new WebProblem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法 " + e.getMethod(),
                "method " + e.getMethod() + " not allowed"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, new WebProblem(HttpStatus.NOT_FOUND, "页面不存在", "not found"));
    }

    @ExceptionHandler(RuntimeException.class)
    Object unexpected(RuntimeException e, HttpServletRequest request) {
        log.error("请求 {} 失败", request.getRequestURI(), e);
        return answer(request, new WebProblem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，详情见服务日志",
                "internal error; see the server log"));
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    static ProblemDetail detail(WebProblem p, String path) {
        ProblemDetail d = ProblemDetail.forStatusAndDetail(p.status(), p.chinese() + " / " + p.english());
        d.setTitle(p.status().getReasonPhrase());
        d.setInstance(URI.create(path));
        d.setProperty("zh", p.chinese());
        d.setProperty("en", p.english());
        if (!p.details().isEmpty()) {
            d.setProperty("errors", p.details());
        }
        return d;
    }

    private static Object answer(HttpServletRequest request, WebProblem p) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(p.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail(p, request.getRequestURI()));
        }
        ModelAndView mv = new ModelAndView("problem");
        mv.setStatus(p.status());
        mv.addObject("problem", p);
        return mv;
    }
}
