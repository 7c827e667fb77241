package cn.gongkai.bench;

import cn.gongkai.engine.extract.PageSource;

import java.util.List;

/** Pages (attachments included) of the farm, for the WARC benchmark in the crawler's package. */
public final class WarcPages {

    private WarcPages() {
    }

    public static List<PageSource> farm() {
        return BenchData.farmPagesWithAttachments(4, 150);
    }
}
