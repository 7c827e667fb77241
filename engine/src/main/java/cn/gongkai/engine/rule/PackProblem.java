package cn.gongkai.engine.rule;

/**
 * One problem with a rule pack, with the file and line at fault (line 0 when unknown), in Chinese and English.
 */
public record PackProblem(String packId, String file, int line, String chinese, String english) {

    @Override
    public String toString() {
        return packId + "/" + file + (line > 0 ? ":" + line : "") + "：" + chinese + " / " + english;
    }
}
