package cn.gongkai.engine.fact;

import java.time.LocalDate;

/**
 * A column (栏目) list page as the crawl saw it: how many dated items its first page shows and the newest date
 * (政府网站与政务新媒体检查指标: 栏目 not updated, 空白栏目). Pagination pages of one column count as separate lists.
 *
 * @param url          the column page
 * @param name         the column name ({@code ColumnName} meta, else the page title)
 * @param itemCount    dated items listed
 * @param lastUpdated  the newest item date; {@code null} when the column is empty
 */
public record ColumnUpdate(String url, String name, int itemCount, LocalDate lastUpdated, Evidence source) {

    /** Whether the column lists nothing (空白栏目). */
    public boolean empty() {
        return itemCount == 0;
    }
}
