import { emptyModel, toCreate, toUpdate } from './user-form.model';

describe('user form model', () => {
  it('sends a schedule only with a time zone and splits linked patient ids', () => {
    const m = {
      ...emptyModel(),
      username: ' jdoe ',
      displayName: 'J Doe',
      email: 'j@x.test',
      linkedPatientIds: 'a, b\nc',
    };
    expect(toUpdate(m).schedule).toBeNull();
    expect(toUpdate(m).linkedPatientIds).toEqual(['a', 'b', 'c']);
    const withTz = { ...m, timeZone: 'UTC', weeklyHours: [{ day: 'MON' as const, start: '08:00', end: '16:00' }] };
    expect(toCreate(withTz)).toMatchObject({ username: 'jdoe', schedule: { timeZone: 'UTC' }, teamId: null });
  });
});
