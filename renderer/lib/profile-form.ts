import { Profile } from '../../core/contracts/shell-api';

export const PROFILE_FIELDS = ['nickName', 'avatarUrl', 'gender', 'country', 'province', 'city', 'language', 'phoneNumber', 'countryCode'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ProfileFormResult =
  | { ok: true; profile: Profile }
  | { ok: false; errors: Partial<Record<ProfileField, string>> };

/** What to tell the user per field; zod's own words ("Invalid string: must match pattern") help nobody. */
const FIELD_HINTS: Record<ProfileField, string> = {
  nickName: 'Enter a nickname.',
  avatarUrl: 'Enter the avatar image address, or leave it empty.',
  gender: 'Choose Unspecified, Male or Female.',
  country: 'Enter a country name, or leave it empty.',
  province: 'Enter a province name, or leave it empty.',
  city: 'Enter a city name, or leave it empty.',
  language: 'Enter a language code such as en or zh_CN.',
  phoneNumber: 'Enter 5 to 20 digits, optionally starting with "+", e.g. 13800138000.',
  countryCode: 'Enter 1 to 4 digits without "+", e.g. 86.',
};

export function fieldsFromProfile(profile: Profile): Record<ProfileField, string> {
  return {
    nickName: profile.nickName,
    avatarUrl: profile.avatarUrl,
    gender: String(profile.gender),
    country: profile.country,
    province: profile.province,
    city: profile.city,
    language: profile.language,
    phoneNumber: profile.phoneNumber,
    countryCode: profile.countryCode,
  };
}

/** Validates the form with the Profile schema (the host checks the same one) and names each bad field. */
export function profileFromFields(fields: Record<ProfileField, string>): ProfileFormResult {
  const candidate = {
    nickName: fields.nickName.trim(),
    avatarUrl: fields.avatarUrl.trim(),
    gender: /^[012]$/.test(fields.gender) ? Number(fields.gender) : fields.gender,
    country: fields.country.trim(),
    province: fields.province.trim(),
    city: fields.city.trim(),
    language: fields.language.trim(),
    phoneNumber: fields.phoneNumber.replace(/[\s-]/g, ''),
    countryCode: fields.countryCode.trim().replace(/^\+/, ''),
  };
  const errors: Partial<Record<ProfileField, string>> = {};
  const parsed = Profile.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (PROFILE_FIELDS as readonly string[]).includes(field)) {
        errors[field as ProfileField] = FIELD_HINTS[field as ProfileField];
      }
    }
  }
  // The schema accepts an empty nickname, but a profile shared with apps needs a name to show.
  if (!candidate.nickName) errors.nickName = FIELD_HINTS.nickName;
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, profile: parsed.data };
  return { ok: false, errors };
}
