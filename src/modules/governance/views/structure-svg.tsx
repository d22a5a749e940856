import { t } from '../../../i18n/index.js';
import type { GremiumRelatieSoort } from '../../../db/schema.js';
import type { DiagramLayout } from '../structure-diagram.js';

const legend: GremiumRelatieSoort[] = ['informeert', 'rapporteert-aan', 'overlegt-met'];

/**
 * Draws a laid-out structure as inline SVG. Colours and line styles come from classes in the stylesheet
 * (no inline styles, which the content security policy forbids); the figure is an image with a title and a
 * description, and the page gives the same information as text.
 */
export function StructureSvg(props: { layout: DiagramLayout; title: string; description: string }): JSX.Element {
  const { layout } = props;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="lea-diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={String(layout.width)}
      height={String(layout.height)}
      role="img"
      aria-labelledby="diagram-titel diagram-beschrijving"
    >
      <title id="diagram-titel" safe>{props.title}</title>
      <desc id="diagram-beschrijving" safe>{props.description}</desc>
      <defs>
        <marker id="pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="lea-diagram__pijlpunt" />
        </marker>
      </defs>
      <g class="lea-diagram__lijnen">
        {layout.edges.map((edge) => (
          <line
            class={`lea-diagram__lijn lea-diagram__lijn--${edge.soort}`}
            x1={String(edge.from.x)}
            y1={String(edge.from.y)}
            x2={String(edge.to.x)}
            y2={String(edge.to.y)}
            marker-end="url(#pijl)"
            marker-start={edge.soort === 'overlegt-met' ? 'url(#pijl)' : undefined}
          />
        ))}
      </g>
      <g class="lea-diagram__vakken">
        {layout.boxes.map((box) => (
          <g class={`lea-diagram__vak lea-diagram__vak--${box.type}`}>
            <rect x={String(box.x)} y={String(box.y)} width={String(box.width)} height={String(box.height)} rx="6" />
            <text
              class="lea-diagram__type"
              x={String(box.x + box.width / 2)}
              y={String(box.y + 18)}
              text-anchor="middle"
              safe
            >
              {t(`gremiumType.${box.type}`)}
            </text>
            <text class="lea-diagram__naam" x={String(box.x + box.width / 2)} y={String(box.y + 38)} text-anchor="middle">
              {box.lines.map((line, index) => (
                <tspan x={String(box.x + box.width / 2)} dy={index === 0 ? '0' : '17'} safe>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
      </g>
      <g class="lea-diagram__legenda">
        <text class="lea-diagram__legenda-titel" x="24" y={String(layout.legendY + 14)} safe>
          {t('structuur.legenda')}
        </text>
        {legend.map((soort, index) => {
          const y = layout.legendY + 36 + index * 20;
          return (
            <g>
              <line
                class={`lea-diagram__lijn lea-diagram__lijn--${soort}`}
                x1="24"
                y1={String(y - 4)}
                x2="84"
                y2={String(y - 4)}
                marker-end="url(#pijl)"
                marker-start={soort === 'overlegt-met' ? 'url(#pijl)' : undefined}
              />
              <text class="lea-diagram__legenda-tekst" x="96" y={String(y)} safe>
                {t(`relatie.${soort}`)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
