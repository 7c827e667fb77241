package cn.gongkai.engine.rule;

/**
 * A rule pack that cannot be used, with the file (and line where known) at fault, in Chinese and English.
 */
public class PackException extends RuntimeException {

    private final String packId;
    private final String file;

    public PackException(String packId, String file, String chinese, String english) {
        super("规则包 " + packId + " 的 " + file + "：" + chinese + " / pack " + packId + ", " + file + ": " + english);
        this.packId = packId;
        this.file = file;
    }

    public String packId() {
        return packId;
    }

    public String file() {
        return file;
    }
}
