/** Age as clinicians write it: whole years, or months under two, or days under one month. */
export function ageText(birthDate: string, today: Date = new Date()): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const d = today.getDate();
  let months = (y - year) * 12 + (m - month);
  if (d < day) months -= 1;
  if (months >= 24) return `${Math.floor(months / 12)} y`;
  if (months >= 1) return `${months} mo`;
  const born = new Date(year, month - 1, day);
  const days = Math.round((new Date(y, m - 1, d).getTime() - born.getTime()) / 86_400_000);
  return `${Math.max(0, days)} d`;
}
