package cn.gongkai.engine.fact;

/**
 * A link the crawl could not follow (不可用链接): the URL, the page linking it and what went wrong.
 *
 * @param status  HTTP status, 0 when no response came
 */
public record LinkFailure(String url, String referrer, int status, String error) {
}
