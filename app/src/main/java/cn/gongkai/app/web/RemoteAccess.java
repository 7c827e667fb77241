package cn.gongkai.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who can reach the server. Without accounts every request is the local assessor, so the server listens on
 * loopback only ({@code server.address=127.0.0.1}, {@code gongkai serve --address}); listening anywhere else with
 * accounts off would hand the whole tool — runs, uploads, every stored result — to anyone on the network, and it
 * refuses to start unless the operator says so with {@code gongkai.web.allow-anonymous-remote=true}. Checked while
 * the context is built, before the server binds its port.
 */
@Component
@ConditionalOnWebApplication
class RemoteAccess {

    private static final Logger log = LoggerFactory.getLogger(RemoteAccess.class);

    RemoteAccess(@Value("${server.address:}") String address, WebSettings settings) {
        Optional<String> refusal = refusal(address, settings.accounts().enabled(), settings.allowAnonymousRemote());
        if (refusal.isPresent()) {
            throw new Refused(address, refusal.get());
        }
        if (!settings.accounts().enabled() && !loopback(address)) {
            log.warn("未开启账户却在 {} 上监听（gongkai.web.allow-anonymous-remote=true）：能连到本机的任何人都可发起测评、上传规则包 / "
                    + "listening on {} without accounts: anyone who reaches it can start runs", display(address), display(address));
        }
    }

    /** Why the server must not listen on {@code address}, or empty. */
    static Optional<String> refusal(String address, boolean accounts, boolean allowAnonymousRemote) {
        if (accounts || allowAnonymousRemote || loopback(address)) {
            return Optional.empty();
        }
        return Optional.of("账户未开启（gongkai.web.accounts.enabled=false）时只在本机地址监听，"
                + "以免同一网络中的任何人都能发起测评、上传规则包、查看全部结果；要监听 " + display(address)
                + "，请开启账户，或明确设置 gongkai.web.allow-anonymous-remote=true / without accounts the server listens on"
                + " loopback only; to listen on " + display(address) + " turn accounts on or set"
                + " gongkai.web.allow-anonymous-remote=true");
    }

    /** Whether {@code address} (an IP or a name; empty means every interface) is a loopback address. */
    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(address.strip());
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String display(String address) {
        return address == null || address.isBlank() ? "所有网络接口 / every interface" : address.strip();
    }

    /** The server refused to start; {@link RemoteAccessFailureAnalyzer} says why without a stack trace. */
    static final class Refused extends RuntimeException {
        final String address;

        Refused(String address, String message) {
            super(message);
            this.address = address;
        }
    }
}
