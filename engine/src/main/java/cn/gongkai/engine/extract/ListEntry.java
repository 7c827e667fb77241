package cn.gongkai.engine.extract;

import java.time.LocalDate;

/**
 * One entry of a column (栏目) list page: a link and the date shown beside it. The audit uses it to date
 * attachments linked directly from a list, which carry no 发布日期 of their own.
 *
 * @param url    the link, absolute
 * @param title  the link text
 * @param date   the date shown beside the link
 */
public record ListEntry(String url, String title, LocalDate date) {
}
