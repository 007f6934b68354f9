import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADAPTABILITIES, LOCI, type Adaptability, type Locus, type StyleMap as StyleMapData } from './types';

const CELL_W = 110;
const CELL_H = 80;
const LEFT = 140;
const TOP = 10;
const BOTTOM = 84;
const WIDTH = LEFT + CELL_W * LOCI.length + 10;
const HEIGHT = TOP + CELL_H * ADAPTABILITIES.length + BOTTOM;

interface StyleMapProps {
  map?: StyleMapData;
  /** Marks one position, e.g. the initiative being created. */
  highlight?: { locus: Locus; adaptability: Adaptability };
  /** Shows the list of initiatives under the drawing (the text alternative). */
  withList?: boolean;
}

/** Splits a label in two lines at the space nearest its middle, so it fits a cell on a phone. */
function lines(label: string): string[] {
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index);
  if (label.length < 12 || spaces.length === 0) return [label];
  const middle = spaces.reduce((best, i) => (Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2) ? i : best));
  return [label.slice(0, middle), label.slice(middle + 1)];
}

/** Locus (left → right) × adaptability (bottom → top), a dot per cell sized by how many initiatives sit there. */
export function StyleMap({ map, highlight, withList = true }: StyleMapProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const cells = map?.cells ?? [];
  const max = Math.max(1, ...cells.map((c) => c.count));
  const cellOf = (locus: Locus, adaptability: Adaptability) => cells.find((c) => c.locus === locus && c.adaptability === adaptability);
  // Personal at the top: the further up, the more personal the value.
  const rows = [...ADAPTABILITIES].reverse();
  return (
    <div className={withList && map ? 'style-map' : 'style-map style-map-solo'}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="style-map-svg">
        <title id={titleId}>{t('initiatives.map.svgTitle')}</title>
        {rows.map((adaptability, row) => (
          <g key={adaptability}>
            <text x={LEFT - 8} y={TOP + row * CELL_H + CELL_H / 2 + 6} textAnchor="end" className="style-map-label">
              {t(`initiatives.adaptability.${adaptability}`)}
            </text>
            {LOCI.map((locus, col) => {
              const cell = cellOf(locus, adaptability);
              const count = cell?.count ?? 0;
              const x = LEFT + col * CELL_W;
              const y = TOP + row * CELL_H;
              const here = highlight?.locus === locus && highlight.adaptability === adaptability;
              const label = t('initiatives.map.cell', { locus: t(`initiatives.locus.${locus}`), adaptability: t(`initiatives.adaptability.${adaptability}`), count });
              return (
                <g key={locus} role="img" aria-label={here ? `${label} — ${t('initiatives.map.here')}` : label}>
                  <rect x={x + 2} y={y + 2} width={CELL_W - 4} height={CELL_H - 4} rx={8} className={here ? 'style-map-cell style-map-here' : 'style-map-cell'} />
                  {count > 0 && <circle cx={x + CELL_W / 2} cy={y + CELL_H / 2} r={10 + 20 * Math.sqrt(count / max)} className="style-map-dot" />}
                  {count > 0 && (
                    <text x={x + CELL_W / 2} y={y + CELL_H / 2 + 6} textAnchor="middle" className="style-map-count">
                      {count}
                    </text>
                  )}
                  {here && <circle cx={x + CELL_W / 2} cy={y + CELL_H / 2} r={8} className="style-map-pin" />}
                </g>
              );
            })}
          </g>
        ))}
        {LOCI.map((locus, col) => (
          <text key={locus} x={LEFT + col * CELL_W + CELL_W / 2} y={TOP + CELL_H * rows.length + 22} textAnchor="middle" className="style-map-label">
            {lines(t(`initiatives.locus.${locus}`)).map((line, i) => (
              <tspan key={i} x={LEFT + col * CELL_W + CELL_W / 2} dy={i === 0 ? 0 : 18}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
        <text x={LEFT + (CELL_W * LOCI.length) / 2} y={HEIGHT - 12} textAnchor="middle" className="style-map-axis">
          {t('initiatives.map.xAxis')}
        </text>
        <text x={14} y={TOP + (CELL_H * rows.length) / 2} textAnchor="middle" className="style-map-axis" transform={`rotate(-90 14 ${TOP + (CELL_H * rows.length) / 2})`}>
          {t('initiatives.map.yAxis')}
        </text>
      </svg>
      {withList && map && (
        <div className="style-map-list">
          <h3 className="visually-hidden">{t('initiatives.map.tableCaption')}</h3>
          <ul>
            {cells
              .filter((c) => c.count > 0)
              .map((c) => (
                <li key={`${c.locus}-${c.adaptability}`}>
                  <strong>
                    {t(`initiatives.locus.${c.locus}`)} · {t(`initiatives.adaptability.${c.adaptability}`)} ({c.count})
                  </strong>
                  <ul>
                    {c.initiatives.map((i) => (
                      <li key={i.id}>
                        <Link to={`/initiatives/${i.id}`}>{i.title}</Link>
                      </li>
                    ))}
                    {c.count > c.initiatives.length && <li className="muted">{t('initiatives.map.more', { count: c.count - c.initiatives.length })}</li>}
                  </ul>
                </li>
              ))}
          </ul>
        </div>
      )}
    </div>
  );
}
