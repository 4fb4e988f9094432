package dev.sqlmodel.data;

import jakarta.data.repository.By;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Save;
import jakarta.data.repository.Update;
import java.util.List;
import java.util.Optional;

/** Lifecycle methods of a versioned entity, with no primary entity type declared: it comes from them. */
@Repository
public interface Catalog {

    @Insert
    Product add(Product product);

    @Insert
    Product[] addAll(Product... products);

    @Insert
    void addList(List<Product> products);

    @Update
    Product modify(Product product);

    @Update
    Product[] modifyAll(Product... products);

    @Update
    long modifyCounting(List<Product> products);

    @Delete
    void remove(Product product);

    @Delete
    int removeAll(Product... products);

    @Save
    Product save(Product product);

    @Save
    List<Product> saveAll(List<Product> products);

    @Delete
    void deleteById(@By("id(this)") String code);

    @Delete
    long discontinue(@By("name") String name);

    @Find
    Optional<Product> get(String code);

    long countByPriceGreaterThanEqual(Double price);

    long deleteByCodeLike(String pattern);

    List<Product> findByPriceNull();

    List<Product> findByPriceNotNullAndPriceLessThanEqual(double max);

    boolean existsByName(String name);
}
