package cn.gongkai.app.cli;

/**
 * A command-line argument that cannot be used, explained in Chinese and English.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String chinese, String english) {
        super(chinese + " / " + english);
    }
}
