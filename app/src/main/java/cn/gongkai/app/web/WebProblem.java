package cn.gongkai.app.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request the web app refuses, explained in Chinese and English; becomes an RFC 9457 problem (API) or an
 * error page (browser), never a stack trace.
 *
 * @param details further lines (every problem of a pack, every bad row of an agency list), may be empty
 */
public class WebProblem extends RuntimeException {

    private final HttpStatus status;
    private final String chinese;
    private final String english;
    private final List<String> details;

    public WebProblem(HttpStatus status, String chinese, String english) {
        this(status, chinese, english, List.of());
    }

    public WebProblem(HttpStatus status, String chinese, String english, List<String> details) {
        super(chinese + " / " + english);
        this.status = status;
        this.chinese = chinese;
        this.english = english;
        this.details = List.copyOf(details);
    }

    public HttpStatus status() {
        return status;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public List<String> details() {
        return details;
    }

    static WebProblem notFound(String runId) {
        return new WebProblem(HttpStatus.NOT_FOUND, "找不到测评 " + runId, "no run " + runId);
    }
}
