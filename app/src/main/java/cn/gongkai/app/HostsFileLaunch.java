package cn.gongkai.app;

import cn.gongkai.fixtures.county.County;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs gongkai in a child JVM whose name service is a hosts file ({@code -Djdk.net.hosts.file}): the way the built-in
 * 集约化 county ({@link County}) is reached by its own host names, {@code www.qinglan.gov.cn} and
 * {@code xxgk.qinglan.gov.cn}, with no DNS and no change to the machine. The JDK reads that property once, when name
 * resolution first starts, so a running JVM cannot take it on: {@code gongkai demo} and {@code gongkai bench} start
 * again in a child JVM before anything else happens, and tests run their audits in one.
 */
public final class HostsFileLaunch {

    static final String PROPERTY = "jdk.net.hosts.file";
    /** The commands that audit the county and so need its names. */
    private static final Set<String> COUNTY_COMMANDS = Set.of("demo", "bench");

    private HostsFileLaunch() {
    }

    /**
     * Whether this JVM resolves the county's names to its loopback addresses. Without a hosts file it cannot, and the
     * names are not looked up at all: on a machine without network a DNS query only waits for its timeout.
     */
    public static boolean countyNamesResolve() {
        if (System.getProperty(PROPERTY) == null) {
            return false;
        }
        try {
            return InetAddress.getByName(County.PORTAL_HOST).getHostAddress().equals(County.PORTAL_IP)
                    && InetAddress.getByName(County.PLATFORM_HOST).getHostAddress().equals(County.PLATFORM_IP);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Writes the county's hosts file: localhost, the two county names, and this machine's own name and address (H2,
     * logging and others look it up, and the hosts file is then the only name service).
     */
    public static Path writeCountyHosts(Path file) {
        List<String> more = new ArrayList<>();
        try {
            InetAddress self = InetAddress.getLocalHost();
            more.add(self.getHostAddress() + " " + self.getHostName());
        } catch (UnknownHostException e) {
            // this machine's name does not resolve here either: nothing to carry over
        }
        return County.writeHostsFile(file, more.toArray(String[]::new));
    }

    /** Whether {@code args} name a county command that this JVM cannot serve: no hosts file was given to it. */
    static boolean needed(String[] args) {
        return args.length > 0 && COUNTY_COMMANDS.contains(args[0]) && System.getProperty(PROPERTY) == null
                && Arrays.stream(args).noneMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version"));
    }

    /** Runs {@code args} in a child JVM with the county's hosts file, sharing this console; returns its exit code. */
    static int relaunch(String[] args) throws IOException, InterruptedException {
        Path hosts = Files.createTempFile("gongkai-hosts-", "");
        try {
            writeCountyHosts(hosts);
            Process child = new ProcessBuilder(command(List.of("-D" + PROPERTY + "=" + hosts), List.of(args)))
                    .inheritIO().start();
            return child.waitFor();
        } finally {
            Files.deleteIfExists(hosts);
        }
    }

    /**
     * The command line of a JVM like this one (same java, JVM options, jar or class path) with {@code jvmOptions}
     * added, running {@code gongkai args}.
     */
    public static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger or agent port cannot be opened twice
            if (!option.startsWith("-D" + PROPERTY + "=") && !option.startsWith("-agentlib:")
                    && !option.startsWith("-javaagent:")) {
                cmd.add(option);
            }
        }
        cmd.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path", "");
        String launched = System.getProperty("sun.java.command", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator) && launched.startsWith(classPath)) {
            cmd.add("-jar"); // java -jar gongkai.jar: the Spring Boot launcher finds the application in the jar
            cmd.add(classPath);
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(GongkaiApplication.class.getName());
        }
        cmd.addAll(args);
        return cmd;
    }
}
