// The bench's HTML twin of a document: a pdfmake definition written out as HTML and CSS, in the
// same font (loaded from the same files), so that a headless Chromium can print the same page
// and its time be set beside ours. Close in content and shape, not a pixel copy.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { CanvasNode, Content, PageSize, QrNode, Style, TDocumentDefinitions } from '../electron/backend/documents/kit/definition';
import { cjkFonts } from '../electron/backend/documents/kit/fonts';

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
const PAGE_SIZES: Record<'A4' | 'A5', PageSize> = { A4: { width: 595.28, height: 841.89 }, A5: { width: 419.53, height: 595.28 } };

/** pdfmake's own QR encoder: the same modules pdfmake draws. */
const qrCanvas = (node: QrNode): { canvas: { x: number; y: number; w: number; h: number; color?: string }[]; size: number } => {
  const require = createRequire(createRequire(__filename).resolve('pdfmake'));
  const { default: qr } = require('./qrEnc.js') as { default: { measure(n: object): { _canvas: { x: number; y: number; w: number; h: number; color?: string }[]; _width: number } } };
  const measured = qr.measure({ ...node });
  return { canvas: measured._canvas, size: measured._width };
};

function css(style: Style & { margin?: unknown; width?: unknown }, styles: Record<string, Style>, names?: string | string[]): string {
  const merged: Style = { ...[names ?? []].flat().reduce<Style>((all, name) => ({ ...all, ...styles[name] }), {}), ...style };
  const out: string[] = [];
  if (merged.fontSize) out.push(`font-size:${merged.fontSize}pt`);
  if (merged.bold !== undefined) out.push(`font-weight:${merged.bold ? 700 : 400}`);
  if (merged.color) out.push(`color:${merged.color}`);
  if (merged.fillColor) out.push(`background:${merged.fillColor}`);
  if (merged.alignment) out.push(`text-align:${merged.alignment}`);
  if (merged.lineHeight) out.push(`line-height:${merged.lineHeight}`);
  if (merged.decoration === 'underline') out.push('text-decoration:underline');
  const m = merged.margin;
  if (m !== undefined) {
    const [l, t, r, b] = typeof m === 'number' ? [m, m, m, m] : m.length === 2 ? [m[0], m[1], m[0], m[1]] : m;
    out.push(`margin:${t}pt ${r}pt ${b}pt ${l}pt`);
  }
  return out.join(';');
}

function canvasSvg(node: CanvasNode): string {
  const shapes = node.canvas.map((s) =>
    s.type === 'line'
      ? `<line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" stroke="${s.lineColor ?? '#000'}" stroke-width="${s.lineWidth ?? 1}"${s.dash ? ` stroke-dasharray="${s.dash.length} ${s.dash.space ?? s.dash.length}"` : ''}/>`
      : `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" fill="${s.color ?? 'none'}" stroke="${s.lineWidth === 0 ? 'none' : (s.lineColor ?? '#000')}" stroke-width="${s.lineWidth ?? 1}"/>`,
  );
  const w = Math.max(1, ...node.canvas.map((s) => (s.type === 'line' ? Math.max(s.x1, s.x2) : s.x + s.w)));
  const h = Math.max(1, ...node.canvas.map((s) => (s.type === 'line' ? Math.max(s.y1, s.y2) + 1 : s.y + s.h)));
  return `<svg width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}">${shapes.join('')}</svg>`;
}

function html(node: Content | undefined, styles: Record<string, Style>): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return escape(node);
  if (Array.isArray(node)) return node.map((n) => `<div>${html(n, styles)}</div>`).join('');
  const style = css(node as Style, styles, node.style);
  if ('text' in node) {
    const inner = Array.isArray(node.text) ? node.text.map((t) => (typeof t === 'string' ? escape(t) : `<span style="${css(t, styles, t.style)}">${html(t.text as Content, styles)}</span>`)).join('') : html(node.text, styles);
    return `<div style="${style}">${inner}</div>`;
  }
  if ('stack' in node) return `<div style="${style}">${node.stack.map((n) => html(n, styles)).join('')}</div>`;
  if ('columns' in node) {
    const cols = node.columns.map((c) => {
      const w = typeof c === 'object' && c && !Array.isArray(c) && 'width' in c ? c.width : '*';
      const flex = w === '*' || w === undefined ? 'flex:1' : w === 'auto' ? 'flex:none' : typeof w === 'number' ? `flex:none;width:${w}pt` : `flex:none;width:${w}`;
      return `<div style="${flex}">${html(c, styles)}</div>`;
    });
    return `<div style="display:flex;gap:${node.columnGap ?? 0}pt;${style}">${cols.join('')}</div>`;
  }
  if ('table' in node) {
    const widths = node.table.widths ?? [];
    const head = `<colgroup>${widths.map((w) => `<col style="width:${typeof w === 'number' ? `${w}pt` : w === '*' ? 'auto' : w}">`).join('')}</colgroup>`;
    const rows = node.table.body.map((row) => `<tr>${row.map((cell) => {
      const span = typeof cell === 'object' && cell && !Array.isArray(cell) && 'colSpan' in cell && cell.colSpan ? ` colspan="${cell.colSpan}"` : '';
      return `<td${span}>${html(cell, styles)}</td>`;
    }).join('')}</tr>`);
    return `<table style="${style}">${head}${rows.join('')}</table>`;
  }
  if ('ul' in node) return `<ul style="${style}">${node.ul.map((n) => `<li>${html(n, styles)}</li>`).join('')}</ul>`;
  if ('ol' in node) return `<ol style="${style}">${node.ol.map((n) => `<li>${html(n, styles)}</li>`).join('')}</ol>`;
  if ('qr' in node) {
    const { canvas, size } = qrCanvas(node);
    return `<svg style="${style}" width="${size}pt" height="${size}pt" viewBox="0 0 ${size} ${size}">${canvas.map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="${r.color ?? '#000'}"/>`).join('')}</svg>`;
  }
  if ('image' in node) return `<img style="${style}" src="${node.image}" alt="">`;
  if ('canvas' in node) return canvasSvg(node);
  return '';
}

/** The whole page: @page size and margins as the definition has them, the CJK font from its files, the footer at the foot. */
export function definitionHtml(definition: TDocumentDefinitions): string {
  const fonts = cjkFonts();
  const size = typeof definition.pageSize === 'object' ? definition.pageSize : PAGE_SIZES[definition.pageSize ?? 'A4'];
  const [l, t, r, b] = (Array.isArray(definition.pageMargins) && definition.pageMargins.length === 4 ? definition.pageMargins : [40, 40, 40, 40]) as [number, number, number, number];
  const styles = definition.styles ?? {};
  const footer = definition.footer ? html(definition.footer(1, 1, size), styles) : '';
  return `<!doctype html><html lang="${definition.language ?? 'zh-CN'}"><head><meta charset="utf-8"><style>
@font-face{font-family:Noto;font-weight:400;src:url("${pathToFileURL(fonts.normal).href}")}
@font-face{font-family:Noto;font-weight:700;src:url("${pathToFileURL(fonts.bold).href}")}
@page{size:${size.width}pt ${size.height}pt;margin:${t}pt ${r}pt ${b}pt ${l}pt}
body{margin:0;font-family:Noto;${css(definition.defaultStyle ?? {}, styles)}}
table{border-collapse:collapse;width:100%}td{border:0.5pt solid #8c8c8c;padding:1pt 3pt;vertical-align:top}
ul,ol{margin:0;padding-left:12pt}
.foot{position:fixed;bottom:-${b - 8}pt;left:0;right:0}
</style></head><body>${html(definition.content, styles)}<div class="foot">${footer}</div></body></html>`;
}
