package cn.gongkai.app;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Framework noise on a command's console: log lines of loggers other than ours, and what libraries and the JVM print
 * on their own (Log4j's and SLF4J's provider warnings, JVM {@code WARNING:} lines, Drools' raw compiler messages,
 * stack traces). A command runs with {@link #PATTERN} as its console pattern so that every log line names its logger.
 */
final class ConsoleNoise {

    /** The application's console pattern with the logger's name added. */
    static final String PATTERN = "%d{HH:mm:ss} %-5level [%logger] %msg%n";

    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO|WARN|ERROR) +\\[([^\\]]+)]");
    private static final Pattern OTHER_NOISE = Pattern.compile(
            "Log4j|SLF4J|^WARNING: |^\\[\\d+,\\d+]: |Unable to build KieBaseModel|^\\s+at [\\w.$]+\\(|^Exception in thread");

    private ConsoleNoise() {
    }

    /** The lines of {@code console} that are not the command's own text or our own log lines. */
    static List<String> of(String console) {
        return console.lines().filter(ConsoleNoise::isNoise).toList();
    }

    private static boolean isNoise(String line) {
        Matcher log = LOG_LINE.matcher(line);
        if (log.find()) {
            return !log.group(2).startsWith("cn.gongkai.");
        }
        return OTHER_NOISE.matcher(line).find();
    }
}
