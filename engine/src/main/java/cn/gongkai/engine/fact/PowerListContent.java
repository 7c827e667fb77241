package cn.gongkai.engine.fact;

import java.util.Set;

/**
 * Which of the fields a 权责清单 / 权力清单 must carry are present on a page (2014 national 要点; seed 000):
 * 职权名称、编码、类型、依据、行使主体、流程图、监督方式.
 */
public record PowerListContent(Set<Field> fields, Evidence source) {

    public PowerListContent {
        fields = fields == null ? Set.of() : Set.copyOf(fields);
    }

    /** The fields of a 权责清单 entry. */
    public enum Field {
        NAME("职权名称"),
        CODE("编码"),
        TYPE("类型"),
        BASIS("依据"),
        EXERCISED_BY("行使主体"),
        FLOWCHART("流程图"),
        SUPERVISION("监督方式");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
