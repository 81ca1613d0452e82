/** The brand colour helpers moved to components/theme/brand.ts (the public page uses them too); kept as an alias. */
export { brandStyle, contrastWithWhite, readableOnWhiteText } from '@/components/theme/brand';
