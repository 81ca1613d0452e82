/** The agent's picture (AGENT_AVATAR_URL or the embed's `avatar`), else its initial on the brand colour. Decorative. */
export function AgentAvatar({ name, avatarUrl, size = 'sm' }: { name?: string; avatarUrl?: string; size?: 'sm' | 'lg' }) {
  const box = size === 'lg' ? 'size-9 text-sm' : 'size-5 text-[0.65rem]';
  if (avatarUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- a host's avatar from any https origin, not optimisable here
    return <img src={avatarUrl} alt="" className={`${box} shrink-0 rounded-full object-cover`} />;
  }
  return (
    <span aria-hidden="true" className={`${box} grid shrink-0 place-items-center rounded-full bg-brand-600 font-bold text-white`}>
      {name ? name.charAt(0).toUpperCase() : 'N'}
    </span>
  );
}
