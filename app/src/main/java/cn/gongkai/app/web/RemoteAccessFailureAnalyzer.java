package cn.gongkai.app.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused bind address into Spring Boot's short "description / action" report instead of a stack trace. */
class RemoteAccessFailureAnalyzer extends AbstractFailureAnalyzer<RemoteAccess.Refused> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RemoteAccess.Refused cause) {
        return new FailureAnalysis("拒绝启动 / refusing to start: " + cause.getMessage(),
                "gongkai serve（默认只监听 127.0.0.1）；或 gongkai serve --address 地址 --gongkai.web.accounts.enabled=true"
                        + "（并配置用户）；或确知后果时加 --gongkai.web.allow-anonymous-remote=true / serve on loopback, or turn"
                        + " accounts on, or set gongkai.web.allow-anonymous-remote=true", cause);
    }
}
