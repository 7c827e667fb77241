/**
 * Extraction: fetched bytes → decoded, normalised text → typed facts. {@link cn.gongkai.engine.extract.PageExtractor}
 * is the one entry point; everything else here is package-private. Dates follow 条例第26条's two dates: 成文日期
 * (formed) and 发布日期 (published), read only from the metadata block, the {@code PubDate} meta tag of
 * 《政府网站发展指引》 pages, or labels next to the title — never from body text.
 */
package cn.gongkai.engine.extract;
