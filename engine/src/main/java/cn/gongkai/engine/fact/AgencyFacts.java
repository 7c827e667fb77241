package cn.gongkai.engine.fact;

import java.util.List;

/**
 * Everything known about one agency that rules may match: the agency, its site visit, the documents read from
 * its pages, and other site-level observations (any fact record, e.g. columns and their last update).
 */
public record AgencyFacts(Agency agency, SiteVisit visit, List<Document> documents, List<Object> observations) {

    public AgencyFacts {
        documents = List.copyOf(documents);
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
