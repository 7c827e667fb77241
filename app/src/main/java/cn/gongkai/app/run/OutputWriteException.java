package cn.gongkai.app.run;

import java.nio.file.Path;

/**
 * The output folder could not be written (disk full, read-only, a file where the folder should be). What was
 * collected is kept: pages in the WARC, facts and scores in the run database; the run is marked failed and can be
 * resumed once the folder is fixed.
 */
public class OutputWriteException extends RuntimeException {

    public OutputWriteException(String runId, Path outDir, Throwable cause) {
        super("无法写入输出目录 " + outDir + "（磁盘已满、无写权限或同名文件？）：" + cause
              + (runId == null ? "" : "。已抓取的内容保存在网页存档和数据库中，修正后运行 gongkai audit --resume " + runId + " 继续")
              + " / cannot write the output folder " + outDir + " (disk full, not writable, or a file in the way?): "
              + cause + (runId == null ? "" : "; collected work is kept, fix it and run gongkai audit --resume " + runId),
              cause);
    }
}
