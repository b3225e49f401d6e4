/// The page's only style sheet, inline: light and dark colour schemes through custom
/// properties (the SVG charts use the same classes), and an A4 print layout, always light.
/// No `@import`, no web font, no `url()`: the file must open offline.
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light dark;
      --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --rule: #d1d9e0; --panel: #f6f8fa; --code: #f0f3f6;
      --usage: #1f6feb; --usage-area: rgba(31, 111, 235, 0.18); --full: #bf8700; --drops: #cf222e;
      --t80: #9a6700; --t90: #bc4c00; --t95: #cf222e; --bulk: #8250df; --capacity: #1a7f37;
      --critical: #cf222e; --warning: #9a6700; --info: #0969da; --badge-fg: #ffffff;
      --ep-critical: rgba(207, 34, 46, 0.14); --ep-warning: rgba(212, 167, 44, 0.20); --ep-info: rgba(9, 105, 218, 0.10); }
    @media screen and (prefers-color-scheme: dark) {
      :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --rule: #3d444d; --panel: #151b23; --code: #151b23;
        --usage: #4493f8; --usage-area: rgba(68, 147, 248, 0.22); --full: #d29922; --drops: #f85149;
        --t80: #d29922; --t90: #f0883e; --t95: #f85149; --bulk: #ab7df8; --capacity: #3fb950;
        --critical: #f85149; --warning: #d29922; --info: #4493f8; --badge-fg: #0d1117;
        --ep-critical: rgba(248, 81, 73, 0.18); --ep-warning: rgba(210, 153, 34, 0.20); --ep-info: rgba(68, 147, 248, 0.12); } }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1040px; padding: 16px 24px 48px; background: var(--bg); color: var(--fg);
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    h1 { font-size: 22px; margin: 8px 0 12px; }
    h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    h4 { font-size: 14px; margin: 14px 0 4px; }
    code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
    pre { background: var(--code); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 10px; overflow-x: auto; margin: 6px 0; }
    table { border-collapse: collapse; margin: 6px 0; }
    th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
    th { color: var(--muted); font-weight: 600; }
    td.num, th.num { text-align: right; }
    dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
    dl.header dt { color: var(--muted); }
    dl.header dd { margin: 0; }
    .muted, .note { color: var(--muted); }
    .note { font-size: 13px; margin: 4px 0; }
    .warning-line { color: var(--warning); font-weight: 600; }
    .badge { display: inline-block; min-width: 62px; text-align: center; border-radius: 10px; padding: 0 8px;
      font-size: 12px; font-weight: 600; color: var(--badge-fg); }
    .badge.sev-critical { background: var(--critical); } .badge.sev-warning { background: var(--warning); }
    .badge.sev-info { background: var(--info); }
    .action { margin: 10px 0; }
    .action p { margin: 2px 0; }
    .finding { border-left: 3px solid var(--rule); padding: 2px 0 2px 12px; margin: 10px 0; }
    .finding.sev-critical { border-color: var(--critical); } .finding.sev-warning { border-color: var(--warning); }
    .finding.sev-info { border-color: var(--info); }
    .finding ul { margin: 2px 0; padding-left: 20px; }
    .label { font-weight: 600; margin: 6px 0 0; }
    figure { margin: 12px 0 20px; }
    figcaption { font-weight: 600; margin-bottom: 2px; }
    .legend { font-size: 12.5px; color: var(--muted); margin: 0 0 2px; }
    .legend .item { white-space: nowrap; margin-right: 6px; }
    .key { display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 4px; vertical-align: baseline; }
    .key.usage { background: var(--usage); } .key.full { background: var(--full); } .key.drops { background: var(--drops); }
    .key.bulk { background: var(--bulk); } .key.capacity { background: var(--capacity); }
    .key.ep-critical { background: var(--ep-critical); border: 1px solid var(--critical); }
    .key.ep-warning { background: var(--ep-warning); border: 1px solid var(--warning); }
    .key.ep-info { background: var(--ep-info); border: 1px solid var(--info); }
    svg { display: block; width: 100%; height: auto; overflow: visible; }
    svg text { fill: var(--muted); font-size: 11px; font-family: system-ui, sans-serif; }
    svg .panel { fill: var(--panel); stroke: var(--rule); stroke-width: 1; }
    svg .grid { stroke: var(--rule); stroke-width: 1; }
    svg .usage-area { fill: var(--usage-area); stroke: none; }
    svg .usage-line { fill: none; stroke: var(--usage); stroke-width: 1.6; stroke-linejoin: round; }
    svg .threshold { stroke-width: 1; stroke-dasharray: 5 3; }
    svg .threshold.t80 { stroke: var(--t80); } svg .threshold.t90 { stroke: var(--t90); } svg .threshold.t95 { stroke: var(--t95); }
    svg text.threshold-label.t80 { fill: var(--t80); } svg text.threshold-label.t90 { fill: var(--t90); }
    svg text.threshold-label.t95 { fill: var(--t95); }
    svg .bar-full { fill: var(--full); } svg .bar-drops { fill: var(--drops); }
    svg .episode.sev-critical { fill: var(--ep-critical); } svg .episode.sev-warning { fill: var(--ep-warning); }
    svg .episode.sev-info { fill: var(--ep-info); }
    svg .bulk { fill: var(--bulk); } svg .bulk.small { fill: none; stroke: var(--bulk); stroke-width: 1; }
    svg .bulk-line { stroke: var(--bulk); stroke-width: 1; stroke-dasharray: 2 2; }
    svg .bulk.small-line { stroke: var(--bulk); stroke-width: 1; stroke-dasharray: 1 3; opacity: 0.6; }
    svg .bulk-tick { stroke: var(--bulk); stroke-width: 1.5; }
    svg text.bulk-label { fill: var(--bulk); font-weight: 600; }
    svg .capacity-change { stroke: var(--capacity); stroke-width: 2; }
    svg text.capacity-label { fill: var(--capacity); font-weight: 600; }
    svg .type-bar { fill: var(--drops); }
    svg text.type-name { fill: var(--fg); }
    /* Charts scale with the page: on a narrow screen or an A4 page, larger chart text keeps labels readable. */
    @media (max-width: 820px), print { svg text { font-size: 13px; } }
    @page { size: A4; margin: 12mm; }
    @media print {
      :root { color-scheme: light; --bg: #fff; --fg: #000; --muted: #444; --panel: #fff; --code: #f4f4f4; }
      body { max-width: none; padding: 0; font-size: 10pt; }
      h2 { break-after: avoid; } figure, .finding, .action, pre, tr { break-inside: avoid; }
      pre { white-space: pre-wrap; }
    }
    """
}
