// The portal's front page: a hero with the trip search, and below it the priced results for
// the search in the URL (so a result list can be shared and survives a reload).
import {
  Alert,
  Box,
  Button,
  Card,
  Container,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useOffers } from '../api/portal-queries.ts';
import type { PortalOffer } from '../api/types.ts';
import { OfferCard } from '../components/OfferCard.tsx';
import { ProductVisual } from '../components/ProductVisual.tsx';
import { SearchForm, todayIso } from '../components/SearchForm.tsx';
import { useCountryName } from '../country-name.ts';
import { usePortal } from '../portal-context.ts';
import { addDays, readTripSearch, type TripSearch, tripSearchParams } from '../search-params.ts';

function productHref(slug: string, offer: PortalOffer, search: TripSearch): string {
  const params = tripSearchParams({ ...search, from: offer.from, to: offer.to });
  if (offer.departureId) params.set('departure', offer.departureId);
  return `/portal/${slug}/products/${offer.productId}?${params}`;
}

export function HomePage() {
  const { t } = useTranslation();
  const { slug, storefront, currency, lang } = usePortal();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const countryName = useCountryName();
  const search = readTripSearch(params);
  const offers = useOffers(slug, search, currency, lang);
  const cities = [...new Set(storefront.destinations.map((d) => d.city))];
  const searched = search.from !== null && search.to !== null;

  const runSearch = (next: TripSearch) => {
    void navigate(`/portal/${slug}?${tripSearchParams(next)}`);
  };

  return (
    <>
      <Box
        style={{
          background:
            'linear-gradient(120deg, rgba(8,127,140,.95) 0%, rgba(21,170,191,.9) 55%, rgba(56,217,169,.85) 100%)',
        }}
        py={{ base: 40, sm: 64 }}
      >
        <Container size="lg">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title c="white" order={1} fz={{ base: 30, sm: 42 }} data-testid="hero-title">
                {t('portal.hero.title')}
              </Title>
              <Text c="white" size="lg" opacity={0.92}>
                {t('portal.hero.subtitle', { agency: storefront.name })}
              </Text>
            </Stack>
            <SearchForm
              key={params.toString()}
              initial={search}
              destinations={cities}
              onSearch={runSearch}
            />
          </Stack>
        </Container>
      </Box>

      <Container size="lg" py="xl">
        {!searched ? (
          <Stack gap="lg">
            <Text c="dimmed" ta="center" data-testid="search-hint">
              {t('portal.search.hint')}
            </Text>
            <Title order={2} size="h3">
              {t('portal.search.destinations')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
              {storefront.destinations.map((place) => (
                <UnstyledButton
                  key={`${place.city}-${place.country}`}
                  onClick={() =>
                    runSearch({
                      ...search,
                      destination: place.city,
                      from: addDays(todayIso(), 14),
                      to: addDays(todayIso(), 21),
                    })
                  }
                  data-testid="destination-card"
                >
                  <Card withBorder radius="lg" padding="xs" shadow="xs">
                    <ProductVisual photo={null} place={place.city} seed={place.city} height={140} />
                    <Text size="sm" c="dimmed" mt={8} px={4}>
                      {countryName(place.country)}
                    </Text>
                  </Card>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Stack>
        ) : offers.isPending ? (
          <Stack>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={200} radius="lg" />
            ))}
          </Stack>
        ) : offers.error ? (
          <ProblemAlert error={offers.error} testId="search-error" />
        ) : offers.data.items.length === 0 ? (
          <Alert
            icon={<IconMoodEmpty />}
            color="gray"
            title={t('portal.search.noResults')}
            data-testid="search-empty"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('portal.search.noResultsHint')}</Text>
              {search.destination ? (
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => runSearch({ ...search, destination: '' })}
                >
                  {t('portal.search.anywhere')}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : (
          <Stack gap="md" style={{ opacity: offers.isPlaceholderData ? 0.6 : 1 }}>
            <Title order={2} size="h3" data-testid="results-title">
              {t('portal.search.results', { count: offers.data.items.length })}
            </Title>
            {offers.data.items.map((offer) => (
              <OfferCard
                key={`${offer.productId}-${offer.departureId ?? offer.from}`}
                offer={offer}
                href={productHref(slug, offer, search)}
              />
            ))}
          </Stack>
        )}
      </Container>
    </>
  );
}
