import { describe, expect, it } from 'vitest';
import { pickCurrentAgenda } from './agenda.service.js';

describe('pickCurrentAgenda', () => {
  it('takes the newest vastgestelde agenda, not a newer concept', () => {
    const agendas = [
      { id: 'concept-2027', status: 'concept' as const },
      { id: 'vastgesteld-2025', status: 'vastgesteld' as const },
      { id: 'vastgesteld-2023', status: 'vastgesteld' as const },
    ];
    expect(pickCurrentAgenda(agendas)?.id).toBe('vastgesteld-2025');
  });

  it('falls back to the newest agenda when none is vastgesteld, and to nothing when there is none', () => {
    expect(pickCurrentAgenda([{ id: 'herzien', status: 'herzien' as const }, { id: 'concept', status: 'concept' as const }])?.id).toBe('herzien');
    expect(pickCurrentAgenda([])).toBeUndefined();
  });
});
