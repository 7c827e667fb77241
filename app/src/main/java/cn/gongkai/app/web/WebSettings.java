package cn.gongkai.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Settings of {@code gongkai serve} ({@code gongkai.web.*}): address policy, limits and accounts. Defaults suit a
 * server on a network: only public addresses are crawled, accounts are off (single-user local install).
 *
 * @param allowPrivateTargets   crawl any address, private and metadata included (an operator's explicit choice)
 * @param allowLoopbackTargets  crawl 127.0.0.0/8 and ::1 (the demo fixtures and tests)
 * @param allowAnonymousRemote  listen on a non-loopback address although accounts are off (refused otherwise:
 *                              {@link RemoteAccess})
 * @param defaultPageBudget     page budget offered on the form
 * @param maxPageBudget         the ceiling a request may ask for
 * @param maxAgencies           agencies in one uploaded list
 * @param maxUploadBytes        bytes of one uploaded file (agency list, pack)
 * @param maxRunsPerClient      runs one client (user, or address without accounts) may have going at once
 * @param parallelSites         sites of one run crawled at once
 * @param delayMs               pause between requests to one host (polite default 1000; tests use 0)
 * @param accounts              optional login
 */
@ConfigurationProperties("gongkai.web")
public record WebSettings(boolean allowPrivateTargets, boolean allowLoopbackTargets, boolean allowAnonymousRemote,
                          Integer defaultPageBudget,
                          Integer maxPageBudget, Integer maxAgencies, Long maxUploadBytes, Integer maxRunsPerClient,
                          Integer parallelSites, Integer delayMs, Accounts accounts) {

    public WebSettings {
        defaultPageBudget = defaultPageBudget == null ? 60 : defaultPageBudget;
        maxPageBudget = maxPageBudget == null ? 500 : maxPageBudget;
        maxAgencies = maxAgencies == null ? 200 : maxAgencies;
        maxUploadBytes = maxUploadBytes == null ? 5L * 1024 * 1024 : maxUploadBytes;
        maxRunsPerClient = maxRunsPerClient == null ? 2 : maxRunsPerClient;
        parallelSites = parallelSites == null ? 4 : parallelSites;
        delayMs = delayMs == null ? 1000 : delayMs;
        accounts = accounts == null ? new Accounts(false, Map.of()) : accounts;
    }

    /**
     * Login: off unless {@code gongkai.web.accounts.enabled=true}. Users come from configuration with hashed
     * passwords ({@code {bcrypt}$2a$…}), role {@code ASSESSOR} (all runs, packs) or {@code AGENCY} (its own runs).
     */
    public record Accounts(boolean enabled, Map<String, User> users) {
        public Accounts {
            users = users == null ? Map.of() : users;
        }
    }

    public record User(String password, String role) {
    }
}
