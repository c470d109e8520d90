// A product's picture: its first photo, or — when the agency has none yet — a calm gradient
// with the place's name, so a result never shows a broken image.
import { Box, Image, Text } from '@mantine/core';

const gradients = [
  'linear-gradient(135deg, #0b7285 0%, #38d9a9 100%)',
  'linear-gradient(135deg, #1864ab 0%, #74c0fc 100%)',
  'linear-gradient(135deg, #e8590c 0%, #ffd43b 100%)',
  'linear-gradient(135deg, #5f3dc4 0%, #da77f2 100%)',
  'linear-gradient(135deg, #2b8a3e 0%, #a9e34b 100%)',
];

function gradientOf(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return gradients[hash % gradients.length] as string;
}

export function ProductVisual({
  photo,
  place,
  seed,
  height,
  radius = 'md',
}: {
  photo: string | null | undefined;
  place: string;
  seed: string;
  height: number | string;
  radius?: string;
}) {
  if (photo) {
    return <Image src={photo} alt={place} h={height} fit="cover" radius={radius} />;
  }
  return (
    <Box
      h={height}
      style={{
        background: gradientOf(seed),
        borderRadius: `var(--mantine-radius-${radius})`,
        display: 'flex',
        alignItems: 'flex-end',
        padding: 16,
      }}
      role="img"
      aria-label={place}
    >
      <Text c="white" fw={700} size="xl" style={{ textShadow: '0 1px 4px rgba(0,0,0,.35)' }}>
        {place}
      </Text>
    </Box>
  );
}
