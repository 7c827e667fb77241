package cn.gongkai.report;

/**
 * A returned workbook that cannot be read as a review: the message says, in Chinese and English, which sheet and
 * cell is at fault and what was expected.
 */
public class ReviewException extends RuntimeException {

    ReviewException(String chinese, String english) {
        super(chinese + " / " + english);
    }
}
