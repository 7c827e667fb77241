package cn.gongkai.app.agency;

import java.nio.file.Path;
import java.util.List;

/**
 * An agency list that cannot be used at all, with every problem found (file, row, column), in Chinese and
 * English.
 */
public class AgencyListException extends RuntimeException {

    private final List<String> problems;

    public AgencyListException(Path file, List<String> problems) {
        super("单位名单无法使用 / agency list unusable: " + file + "\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
