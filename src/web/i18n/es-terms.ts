import type { enTerms } from './en-terms';

/** Spanish strings of the terms page, the terms editor and the wizard, typed to the English ones. */
export const esTerms: typeof enTerms = {
  page: {
    title: 'Condiciones de {{title}}', lead: 'Todas las versiones, la más reciente primero. Cada versión se aplica solo a las aportaciones hechas después de sellarla.',
    back: '← {{title}}', current: 'Vigente', version: 'Versión {{version}}', sealed: 'Sellada el {{date}} por {{name}}', sealedOn: 'Sellada el {{date}}', firstSealed: 'Sellada en el lanzamiento el {{date}}',
    accepted_one: 'Aceptada por {{count}} persona', accepted_other: 'Aceptada por {{count}} personas', hash: 'Huella (SHA-256)', reason: 'Por qué cambió',
    worse: 'Menos favorable para quienes aportan', worseNote: 'Las aportaciones hechas antes de esta versión conservan las condiciones anteriores, mejores.',
    changes: 'Cambios respecto a la versión {{version}}', unchanged_one: '{{count}} línea sin cambios', unchanged_other: '{{count}} líneas sin cambios', added: 'Añadido', removed: 'Eliminado',
    amend: 'Modificar las condiciones', amendLead: 'Una enmienda es una nueva versión: se aplica solo a las aportaciones posteriores, y todos deben aceptarla antes de volver a aportar.',
    reason_: 'Motivo del cambio', reasonHint: 'Es lo primero que leen los participantes.', submitAmend: 'Sellar la nueva versión', amended: 'La versión {{version}} está sellada y anunciada.',
  },
  editor: {
    ip: 'Propiedad intelectual', ipPolicy: {
      contributor_retains_with_licence: 'Quienes aportan conservan sus derechos y te los licencian', assign_to_host: 'Quienes aportan te ceden sus derechos',
      open_licence: 'Todo se publica con una licencia abierta', joint: 'Tú y quienes aportan sois copropietarios de los resultados',
    },
    licence: 'Licencia (identificador SPDX, p. ej. CC-BY-4.0)', ipNotes: 'Notas sobre la propiedad intelectual',
    rewards: 'Recompensas', addReward: 'Añadir una recompensa', removeReward: 'Quitar la recompensa {{n}}', reward: 'Recompensa {{n}}', kind: 'Tipo', amount: 'Importe', percentage: 'Porcentaje',
    currency: 'Moneda (p. ej. EUR)', earnedBy: 'Quién la gana y cómo',
    revenueShare: 'Reparto de ingresos', hasShare: 'Quienes aportan participan en los ingresos', sharePercentage: 'Porcentaje', shareOf: 'De qué (p. ej. las ventas netas de la chaqueta)',
    months: 'Durante cuántos meses', monthsHint: 'Vacío: mientras el resultado genere ingresos.',
    confidentiality: 'Confidencialidad', mode: { public: 'Público: nada es confidencial', nda: 'Un acuerdo de confidencialidad' }, ndaText: 'Texto del acuerdo',
    exclusivity: '¿Puedes vender el resultado a los competidores de quien aporta?', exclusivityOption: { yes: 'Sí', no: 'No', with_consent: 'Solo con el consentimiento de quien aporta' },
    coInvestment: 'Coinversión', addInvestment: 'Añadir una parte', party: 'Parte', invests: 'Invierte', removeInvestment: 'Quitar la parte {{n}}',
    killCriteria: 'Criterios de cierre', killHint: 'Condiciones medibles por las que os detendréis, una por línea.', dataUse: 'Cómo se usan los datos de quienes aportan', freeText: 'Algo más',
  },
  wizard: {
    title: 'Empezar una iniciativa', resumeTitle: 'Continuar: {{title}}', progress: 'Paso {{n}} de {{total}}: {{name}}',
    steps: { vision: 'Visión', audience: 'Público', phases: 'Fases', terms: 'Condiciones', review: 'Revisión' },
    next: 'Guardar y seguir', back: 'Atrás', saved: 'Guardado.',
    titleField: 'Título', slug: 'Dirección', slugHint: 'Minúsculas, dígitos y guiones. No se puede cambiar después.', summary: 'Resumen', summaryHint: 'Una o dos frases que entienda cualquiera.',
    vision: 'Visión', visionHint: 'Por qué importa y adónde queréis llegar. Markdown: **negrita**, listas con -, [enlaces](https://…).',
    goals: 'Objetivos', goalsHint: 'Un objetivo por línea.', object: '¿Qué cocreáis?', reach: '¿A qué escala?',
    audience: '¿Quién puede aportar?', visibility: '¿Quién puede leerla?', locus: '¿Dónde ocurre la innovación?', adaptability: '¿Cuán personal es el resultado?',
    mapPosition: 'Su lugar en el mapa de estilos',
    phases: 'Fases', phasesLead: 'El camino, paso a paso. Cada fase permite ciertas acciones; las aportaciones fuera de ellas se rechazan.',
    phase: 'Fase {{n}}', phaseName: 'Nombre', phaseDescription: 'Qué ocurre', startsOn: 'Empieza el', endsOn: 'Termina el', enabled: 'Qué puede hacer la gente',
    addPhase: 'Añadir una fase', removePhase: 'Quitar', up: 'Subir', down: 'Bajar', newPhase: 'Nueva fase',
    termsLead: 'Di ahora cómo se recompensan las aportaciones. Al lanzar, estas condiciones se sellan: después solo podrás enmendarlas hacia delante.',
    reviewLead: 'Léela como la leerá quien participe. Después, lánzala.', edit: 'Editar',
    launch: 'Lanzar', launchTitle: '¿Lanzar {{title}}?',
    launchBody: 'Las condiciones se sellan como versión 1 con una huella. A partir de ahí solo pueden enmendarse hacia delante: una nueva versión que se aplica a las aportaciones posteriores y se anuncia a todos.',
    launched: '{{title}} está abierta.',
  },
};
